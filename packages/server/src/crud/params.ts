import { z } from 'zod';

/** A row id in the path: digits only, as a number. */
export const idParams = z.strictObject({
  id: z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number),
});
