import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { formatMoney } from '@/lib/format';
import { imageSrc } from '@/lib/image-url';
import { describeLoadError } from '@/lib/load-error';
import { sockQuery } from '../api/get-sock';
import type { Sock } from '../api/sock-schema';

interface ProductPageProps {
  id: string;
  /** The buy action, composed by the app (the cart is another feature). */
  renderAction: (sock: Sock) => ReactNode;
}

export function ProductPage({ id, renderAction }: ProductPageProps) {
  const sock = useQuery(sockQuery(id));

  if (sock.data) {
    const data = sock.data;
    const src = imageSrc(data.imageUrl[0]);
    return (
      <article className="product">
        {src ? (
          <img src={src} alt={data.name} width={360} height={360} fetchPriority="high" />
        ) : null}
        <div className="product-info">
          <PageHeading>{data.name}</PageHeading>
          <p className="price">{formatMoney(data.price)}</p>
          <p>{data.description}</p>
          <p>{data.count > 0 ? `${data.count} in stock` : 'Out of stock'}</p>
          {data.tag.length > 0 ? <p>Tags: {data.tag.join(', ')}</p> : null}
          {renderAction(data)}
          <p>
            <Link href="/">Back to all socks</Link>
          </p>
        </div>
      </article>
    );
  }
  if (sock.error) {
    const copy = describeLoadError(sock.error, 'this sock');
    return (
      <section>
        <PageHeading>Sock not available</PageHeading>
        <Alert title={copy.title}>
          <p>{copy.body}</p>
        </Alert>
        <p>
          <Link href="/">Browse all socks</Link>
        </p>
      </section>
    );
  }
  return <Loading label="Loading sock…" />;
}
