// OpenAPI documentation of /api/v1 (hapi-swagger): pages at /documentation, JSON at /swagger.json.
import type { Server } from '@hapi/hapi';
import Inert from '@hapi/inert';
import Vision from '@hapi/vision';
import HapiSwagger from 'hapi-swagger';

export async function registerDocs(server: Server): Promise<void> {
  await server.register([Inert, Vision]); // hapi-swagger needs both; pages use them too
  await server.register({
    plugin: HapiSwagger,
    options: {
      info: {
        title: 'Missing children safeguarding API',
        version: '1.0.0',
        description:
          'Records, missing episodes and escalations for trafficked children in local-authority care. Authenticate with POST /api/v1/auth/tokens, then send Authorization: Bearer <token>.',
      },
      securityDefinitions: { bearer: { type: 'apiKey', name: 'Authorization', in: 'header' } },
      security: [{ bearer: [] }],
      grouping: 'tags',
      documentationPath: '/documentation',
      jsonPath: '/swagger.json',
    },
  });
}
