import type { Address, Card, StoredOrder } from '../data/types';

/**
 * Who and where an order is for, copied into the order as the orders service does (it embeds the
 * customer, first address and first card as they were when the order was placed).
 */
export function orderParties(
  customer: { id: string; firstName: string; lastName: string; username: string },
  address: Address,
  card: Card,
): Pick<StoredOrder, 'customerId' | 'customer' | 'address' | 'card'> {
  return {
    customerId: customer.id,
    customer: {
      firstName: customer.firstName,
      lastName: customer.lastName,
      username: customer.username,
    },
    address: {
      number: address.number,
      street: address.street,
      city: address.city,
      postcode: address.postcode,
      country: address.country,
    },
    card: { longNum: card.longNum, expires: card.expires, ccv: card.ccv },
  };
}
