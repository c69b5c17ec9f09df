'use client';

import { ConnectWidget } from '@connect-widget/react';
import { useState } from 'react';

export function Connect({ apiBaseUrl }: { apiBaseUrl: string }) {
  const [last, setLast] = useState<string>('');
  return (
    <>
      <ConnectWidget
        apiBaseUrl={apiBaseUrl}
        demo
        onEvent={(name, metadata) => setLast(name === 'ERROR' ? `${name} ${metadata.flinksCode}` : name)}
        onSuccess={({ loginId }) => setLast(`Connected: ${loginId}`)}
      />
      <p role="status">{last}</p>
    </>
  );
}
