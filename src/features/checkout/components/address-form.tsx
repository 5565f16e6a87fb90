import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { isApiError } from '@/lib/api-error';
import { addAddress, type Address, checkoutKeys } from '../api/payment-details';

const FIELDS: { name: keyof Address; label: string; autoComplete: string }[] = [
  { name: 'number', label: 'House number', autoComplete: 'address-line1' },
  { name: 'street', label: 'Street', autoComplete: 'address-line2' },
  { name: 'city', label: 'City', autoComplete: 'address-level2' },
  { name: 'postcode', label: 'Postcode', autoComplete: 'postal-code' },
  { name: 'country', label: 'Country', autoComplete: 'country-name' },
];

export function AddressForm() {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: addAddress,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: checkoutKeys.address() }),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const data = new FormData(event.currentTarget);
    const read = (name: keyof Address) => String(data.get(name) ?? '').trim();
    save.mutate({
      number: read('number'),
      street: read('street'),
      city: read('city'),
      postcode: read('postcode'),
      country: read('country'),
    });
  };

  return (
    <form className="form" onSubmit={onSubmit} aria-label="Add a shipping address">
      {FIELDS.map((field) => (
        <label key={field.name}>
          {field.label}
          <input name={field.name} autoComplete={field.autoComplete} required maxLength={100} />
        </label>
      ))}
      {save.isError ? (
        <Alert
          title="We couldn't save that address. Please try again."
          reference={isApiError(save.error) ? save.error.requestId : undefined}
        />
      ) : null}
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save address'}
      </button>
    </form>
  );
}
