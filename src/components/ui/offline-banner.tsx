import { useOnline } from '@/lib/use-online';

/** Says when the browser is offline; TanStack Query pauses requests and resumes on reconnect. */
export function OfflineBanner() {
  const online = useOnline();
  return (
    <div role="status" className={online ? undefined : 'offline-banner'}>
      {online ? null : (
        <p>
          <span aria-hidden="true">! </span>
          You are offline. What you see may be out of date; we will refresh when you reconnect.
        </p>
      )}
    </div>
  );
}
