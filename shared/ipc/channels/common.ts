/** Small schemas shared by several channel groups. */
import { z } from 'zod';

export const empty = z.object({}).strict();
export const okSchema = z.object({ ok: z.literal(true) });

export const pageInput = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
};
