import { hydrateRoot } from 'react-dom/client';
import { PartnerPage } from './page';

// The server wrote the widget's API address into the page, as a partner's framework passes its loader data.
const root = document.getElementById('root')!;
hydrateRoot(root, <PartnerPage apiBaseUrl={root.dataset.api!} />);
