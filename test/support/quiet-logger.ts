// A real pino logger that writes nowhere unless LOG_LEVEL is set, to keep test output readable.
import { createLogger } from '../../src/platform/logger';
export const testLogger = () => createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
