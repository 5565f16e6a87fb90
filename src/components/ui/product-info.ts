/** What a page needs to show a line of socks: composed by the app from the catalogue. */
export interface ProductInfo {
  name: string;
  imageUrl?: string;
}

export type ProductLookup = ReadonlyMap<string, ProductInfo>;
