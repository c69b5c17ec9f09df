import { frameTitles } from './messages';

// What a widget iframe needs before its code is in: its name and its look (`<ConnectFrame>` fetches the rest).

/** The iframe's accessible name, in the language the widget's address asks for. */
export function frameTitle(url: string): string {
  const query = url.split('#')[0]?.split('?')[1] ?? '';
  return new URLSearchParams(query).get('language') === 'fr' ? frameTitles.fr : frameTitles.en;
}

/** How every widget iframe looks by default: no border, full width. CSSOM only: the host may run a strict CSP. */
export function prepareFrame(iframe: HTMLIFrameElement): void {
  iframe.style.border = '0';
  iframe.style.width = '100%';
  iframe.style.display = 'block';
}
