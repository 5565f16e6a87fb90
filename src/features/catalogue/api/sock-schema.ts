import * as z from 'zod/mini';

export const sockSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  imageUrl: z.array(z.string()),
  price: z.number(),
  count: z.number(),
  // With a tag filter the real catalogue lists only the matched tags.
  tag: z.catch(z.array(z.string()), []),
});

export type Sock = z.infer<typeof sockSchema>;

export const catalogueKeys = {
  all: ['catalogue'] as const,
  lists: () => [...catalogueKeys.all, 'list'] as const,
  list: (tags: readonly string[]) =>
    [...catalogueKeys.lists(), { tags: [...tags].sort() }] as const,
  detail: (id: string) => [...catalogueKeys.all, 'detail', id] as const,
  tags: () => [...catalogueKeys.all, 'tags'] as const,
};
