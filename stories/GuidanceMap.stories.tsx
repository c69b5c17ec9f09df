import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { KNOWN_FLINKS_CODES } from '../src/api/codes';
import { GUIDANCE, GUIDANCE_VARIANTS, type GuidanceCode, type GuidanceVariant } from '../src/guidance';
import { actionLabel, guidanceText } from '../src/i18n';
import { useLanguage, useMessages } from '../src/i18n';
import './guidance-map.css';

interface Row {
  code: GuidanceCode;
  variant?: GuidanceVariant;
}

// Built from the map and the catalog, so the table can never drift from what the widget shows.
const ROWS: Row[] = [
  ...[...KNOWN_FLINKS_CODES, 'UNKNOWN' as const].map((code) => ({ code })),
  ...(Object.entries(GUIDANCE_VARIANTS) as [GuidanceVariant, GuidanceCode][]).map(([variant, code]) => ({
    code,
    variant,
  })),
];

/** Every code: what kind of moment it is, the screen's title, and its actions, primary first. */
function GuidanceMapTable() {
  const m = useMessages();
  const language = useLanguage();
  const labels = m.guidance.map;
  return (
    <table className="cw-guidance-map">
      <caption>{labels.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{labels.code}</th>
          <th scope="col">{labels.kind}</th>
          <th scope="col">{labels.title}</th>
          <th scope="col">{labels.actions}</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map(({ code, variant }) => {
          const entry = GUIDANCE[code];
          const { title } = guidanceText(code, m, { language, variant });
          return (
            <tr key={variant ? `${code}-${variant}` : code}>
              <th scope="row">{variant ? `${code} · ${variant}` : code}</th>
              <td>{m.guidance.kinds[entry.kind]}</td>
              <td>{title}</td>
              <td>
                {entry.actions.length > 0 ? (
                  <ol className="cw-guidance-map__actions">
                    {entry.actions.map((action) => (
                      <li key={action}>{actionLabel(action, m)}</li>
                    ))}
                  </ol>
                ) : (
                  <span className="cw-guidance-map__none">{labels.noActions}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const meta = {
  title: 'Guidance/Error map',
  component: GuidanceMapTable,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof GuidanceMapTable>;

export default meta;

type Story = StoryObj<typeof meta>;

export const English: Story = {
  globals: { language: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = canvas.getByRole('table', { name: 'What the widget shows for each code' });
    // One header row, then one row per code, UNKNOWN, and each variant.
    await expect(within(table).getAllByRole('row')).toHaveLength(1 + ROWS.length);
    await expect(canvas.getByRole('rowheader', { name: 'INVALID_PASSWORD' })).toBeInTheDocument();
    await expect(canvas.getByRole('row', { name: /NEW_ACCOUNT/ })).toHaveTextContent(
      'Action needed on your bank’s website',
    );
  },
};

export const French: Story = {
  globals: { language: 'fr' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      canvas.getByRole('table', { name: 'Ce que le module de connexion affiche pour chaque code' }),
    ).toBeInTheDocument();
    // The narrow no-break space before "?" must survive, so whitespace is compared as is.
    await expect(canvas.getByRole('row', { name: /^INVALID_PASSWORD/ })).toHaveTextContent(
      'Mot de passe oublié\u202F?',
      { normalizeWhitespace: false },
    );
  },
};

export const Dark: Story = {
  globals: { language: 'en', theme: 'dark' },
};
