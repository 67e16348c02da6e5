/**
 * Zod compiles fast object parsers with `new Function` and, the first time an
 * object schema is made, tries `new Function("")` to see whether it may. The
 * CSP allows no eval, so that probe showed up as a policy violation on every
 * page with a form (Lighthouse best practices). root.tsx imports this first,
 * before any route module builds its schemas; the server keeps the compiled parsers.
 */
import { z } from "zod";

z.config({ jitless: true });
