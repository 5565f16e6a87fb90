import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Loading } from '@/components/ui/loading';
import { describeLoadError } from '@/lib/load-error';
import type { Address, CardOnFile } from '../api/payment-details';
import { AddressForm } from './address-form';
import { CardForm } from './card-form';
import { MissingDetails } from './missing-details';

export function CheckoutSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="checkout-section" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** The address Sock Shop ships to (the first on file), or a way to add one. */
export function ShippingAddress({ address }: { address: UseQueryResult<Address | null> }) {
  let body: ReactNode;
  if (address.data) {
    body = (
      <address>
        {address.data.number} {address.data.street}
        <br />
        {address.data.city} {address.data.postcode}
        <br />
        {address.data.country}
      </address>
    );
  } else if (address.data === null) {
    body = (
      <MissingDetails message="You have no shipping address yet." action="Add a shipping address">
        <AddressForm />
      </MissingDetails>
    );
  } else if (address.error) {
    body = <p>{describeLoadError(address.error, 'your address').title}</p>;
  } else {
    body = <Loading label="Loading your address…" lines={2} />;
  }
  return <CheckoutSection title="Shipping address">{body}</CheckoutSection>;
}

/** The card Sock Shop charges (the first on file, last 4 digits only), or a way to add one. */
export function PaymentCard({ card }: { card: UseQueryResult<CardOnFile | null> }) {
  let body: ReactNode;
  if (card.data) {
    body = (
      <p>
        Card ending <span className="card-mask">•••• {card.data.last4}</span>
      </p>
    );
  } else if (card.data === null) {
    // One line, like the card it stands for, until the shopper opens the form.
    body = (
      <div className="card-missing">
        <MissingDetails message="You have no payment card yet." action="Add a payment card">
          <CardForm />
        </MissingDetails>
      </div>
    );
  } else if (card.error) {
    body = <p>{describeLoadError(card.error, 'your card').title}</p>;
  } else {
    // One line, the height of "Card ending •••• 1234": nothing moves when it arrives.
    body = (
      <div className="card-loading">
        <Loading label="Loading your card…" lines={1} />
      </div>
    );
  }
  return (
    <CheckoutSection title="Payment card">
      <p className="muted">Sock Shop always charges the first card on your account.</p>
      {body}
    </CheckoutSection>
  );
}
