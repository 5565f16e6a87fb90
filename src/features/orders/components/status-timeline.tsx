import type { StatusView, StepState } from '@/domain/order-status';

const STATE_WORDS: Record<StepState, string> = {
  done: 'done',
  current: 'in progress',
  failed: 'failed',
  upcoming: 'not yet',
  skipped: 'will not happen',
  unknown: 'not reported',
};

const STATE_SYMBOL: Record<StepState, string> = {
  done: '✓',
  current: '●',
  failed: '✕',
  upcoming: '○',
  skipped: '–',
  unknown: '?',
};

/** Placed → payment → shipped → delivered, each step in words. */
export function StatusTimeline({ view }: { view: StatusView }) {
  return (
    <ol className="timeline" aria-label="Order progress">
      {view.timeline.map((step) => (
        <li
          key={step.id}
          className={`timeline-step step-${step.state}`}
          aria-current={step.state === 'current' ? 'step' : undefined}
        >
          <span aria-hidden="true" className="timeline-symbol">
            {STATE_SYMBOL[step.state]}
          </span>{' '}
          {step.label}: <span className="timeline-state">{STATE_WORDS[step.state]}</span>
        </li>
      ))}
    </ol>
  );
}
