// Starts the GOV.UK Frontend components; pages work without it.
import { initAll } from '/assets/govuk-frontend.min.js';
initAll();
