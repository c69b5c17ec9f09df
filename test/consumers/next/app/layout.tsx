import '@connect-widget/react/style.css';
import type { ReactNode } from 'react';

export const metadata = { title: 'Acme Lending' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
