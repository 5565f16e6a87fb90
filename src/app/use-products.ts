import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ProductLookup } from '@/components/ui/product-info';
import { socksQuery } from '@/features/catalogue/api/get-socks';

/** Names and images of every sock, for pages that show cart or order lines. */
export function useProducts(): ProductLookup {
  const socks = useQuery(socksQuery());
  return useMemo(
    () =>
      new Map(
        (socks.data ?? []).map((sock) => [
          sock.id,
          { name: sock.name, imageUrl: sock.imageUrl[0] },
        ]),
      ),
    [socks.data],
  );
}
