import { useQuery } from '@tanstack/react-query';
import { Link, useSearch, useLocation } from 'wouter';
import { LoadErrorAlert } from '@/components/ui/load-error-alert';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { formatMoney } from '@/lib/format';
import { imageSrc } from '@/lib/image-url';
import { socksQuery } from '../api/get-socks';
import { tagsQuery } from '../api/get-tags';
import type { Sock } from '../api/sock-schema';

function readTags(search: string): string[] {
  const raw = new URLSearchParams(search).get('tags') ?? '';
  return raw
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => /^[\w-]{1,30}$/.test(tag));
}

function TagFilter({ selected }: { selected: readonly string[] }) {
  const tags = useQuery(tagsQuery());
  const [, navigate] = useLocation();
  if (!tags.data || tags.data.length === 0) return null;

  const toggle = (tag: string) => {
    const next = selected.includes(tag) ? selected.filter((t) => t !== tag) : [...selected, tag];
    navigate(next.length > 0 ? `/?tags=${encodeURIComponent(next.join(','))}` : '/');
  };

  return (
    <fieldset className="tag-filter">
      <legend>Filter by tag</legend>
      {tags.data.map((tag) => (
        <label key={tag} className="tag-option">
          <input type="checkbox" checked={selected.includes(tag)} onChange={() => toggle(tag)} />
          {tag}
        </label>
      ))}
      {selected.length > 0 ? (
        <button type="button" className="link-button" onClick={() => navigate('/')}>
          Clear filters
        </button>
      ) : null}
    </fieldset>
  );
}

/** The first row of cards is on the first screen: their images load at once (LCP), the rest lazily. */
const EAGER_IMAGES = 4;

function SockCard({ sock, eager }: { sock: Sock; eager: boolean }) {
  const src = imageSrc(sock.imageUrl[0]);
  return (
    <li className="sock-card">
      {src ? (
        <img
          src={src}
          alt=""
          width={240}
          height={240}
          loading={eager ? 'eager' : 'lazy'}
          {...(eager ? { fetchPriority: 'high' as const } : {})}
        />
      ) : (
        <span className="sock-image-placeholder" />
      )}
      <h2 className="sock-name">
        <Link href={`/socks/${encodeURIComponent(sock.id)}`}>{sock.name}</Link>
      </h2>
      <p className="price">{formatMoney(sock.price)}</p>
    </li>
  );
}

export function CataloguePage() {
  const tags = readTags(useSearch());
  const socks = useQuery(socksQuery(tags));
  // The tag filter sits above the socks: both appear together (loaded in parallel), so neither
  // pushes the other, nor the loading placeholder, down once on screen. Only the tags' first try
  // is waited for: if it fails, the socks show without waiting for its retries.
  const tagsQueryState = useQuery(tagsQuery());
  const tagsSettled = !tagsQueryState.isPending || tagsQueryState.failureCount > 0;
  const ready = socks.error !== null || (tagsSettled && socks.data !== undefined);

  let body;
  if (socks.data && tagsSettled) {
    body =
      socks.data.length === 0 ? (
        <p role="status">No socks match {tags.length > 0 ? 'these tags' : 'right now'}.</p>
      ) : (
        <ul className="sock-grid" aria-label="Socks">
          {socks.data.map((sock, index) => (
            <SockCard key={sock.id} sock={sock} eager={index < EAGER_IMAGES} />
          ))}
        </ul>
      );
  } else if (socks.error) {
    body = (
      <LoadErrorAlert error={socks.error} what="the socks" onRetry={() => void socks.refetch()} />
    );
  } else {
    body = <Loading label="Loading socks…" lines={6} />;
  }

  return (
    <section aria-labelledby="catalogue-heading">
      <PageHeading id="catalogue-heading">Socks</PageHeading>
      {ready ? <TagFilter selected={tags} /> : null}
      {body}
    </section>
  );
}
