import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { isApiError } from '@/lib/api-error';
import { addCard, checkoutKeys, type NewCard } from '../api/payment-details';

/** Checks a card form; returns a message per invalid field. */
export function validateCard(card: NewCard): Partial<Record<keyof NewCard, string>> {
  const problems: Partial<Record<keyof NewCard, string>> = {};
  if (!/^\d{12,19}$/.test(card.longNum))
    problems.longNum = 'Enter the 12 to 19 digits of the card number.';
  if (!/^(0[1-9]|1[0-2])\/\d{2}$/.test(card.expires))
    problems.expires = 'Enter the expiry date as MM/YY.';
  if (!/^\d{3,4}$/.test(card.ccv)) problems.ccv = 'Enter the 3 or 4 digit security code.';
  return problems;
}

/**
 * Adds a payment card. The number goes straight to the API and is then dropped: the form is reset,
 * the mutation is not cached (gcTime 0), and nothing is written to browser storage.
 */
export function CardForm() {
  const queryClient = useQueryClient();
  const [problems, setProblems] = useState<Partial<Record<keyof NewCard, string>>>({});
  const save = useMutation({
    mutationFn: addCard,
    gcTime: 0,
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const card: NewCard = {
      longNum: String(data.get('longNum') ?? '').replace(/[\s-]/g, ''),
      expires: String(data.get('expires') ?? '').trim(),
      ccv: String(data.get('ccv') ?? '').trim(),
    };
    const found = validateCard(card);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(card, {
      onSuccess: () => {
        form.reset();
        void queryClient.invalidateQueries({ queryKey: checkoutKeys.card() });
      },
    });
  };

  const field = (name: keyof NewCard, label: string, props: Record<string, string | number>) => (
    <div className="field">
      <label>
        {label}
        <input
          name={name}
          required
          aria-invalid={problems[name] ? true : undefined}
          aria-describedby={problems[name] ? `card-${name}-problem` : undefined}
          {...props}
        />
      </label>
      {problems[name] ? (
        <span id={`card-${name}-problem`} className="field-problem">
          {problems[name]}
        </span>
      ) : null}
    </div>
  );

  return (
    <form className="form" onSubmit={onSubmit} aria-label="Add a payment card" noValidate>
      {field('longNum', 'Card number', {
        autoComplete: 'cc-number',
        inputMode: 'numeric',
        maxLength: 23,
      })}
      {field('expires', 'Expiry (MM/YY)', {
        autoComplete: 'cc-exp',
        placeholder: 'MM/YY',
        maxLength: 5,
      })}
      {field('ccv', 'Security code', {
        autoComplete: 'cc-csc',
        inputMode: 'numeric',
        maxLength: 4,
      })}
      {save.isError ? (
        <Alert
          title="We couldn't save that card. Please try again."
          reference={isApiError(save.error) ? save.error.requestId : undefined}
        />
      ) : null}
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save card'}
      </button>
    </form>
  );
}
