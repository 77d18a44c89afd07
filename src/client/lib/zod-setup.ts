// Imported first by main.tsx, before any schema is made: the page's CSP allows no eval, so zod's
// compiled parsers could never run here, and its probe for them (a `new Function`, when the first
// object schema is made) is reported as a CSP violation on every page load.
import { z } from 'zod';

z.config({ jitless: true });
