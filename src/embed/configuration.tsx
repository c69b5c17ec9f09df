import { useEffect, useRef } from 'react';
import type { Language } from '../i18n/types';
import { embedMessages } from './configuration-text';
import type { ConfigProblem } from './params';

/*
 * The embed page's configuration screen, with its text in both languages: a chunk of its own (page.tsx,
 * `configurationCode`), since a page that starts never shows it.
 */

/** Says what is wrong, in both languages (the URL's language first): the page cannot know which one the person reads. */
export function ConfigurationScreen({
  problems,
  language,
}: {
  problems: ConfigProblem[];
  language: Language;
}) {
  const languages: Language[] = language === 'fr' ? ['fr', 'en'] : ['en', 'fr'];
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <main className="cw-embed-config">
      {languages.map((lang, index) => {
        const m = embedMessages[lang].configuration;
        // The first language's section is the page's h1; each section's details sit one level below its title.
        const Heading = index === 0 ? 'h1' : 'h2';
        const Details = index === 0 ? 'h2' : 'h3';
        return (
          <section
            key={lang}
            lang={lang}
            className="cw-embed-config__section"
            aria-labelledby={`cw-config-${lang}`}
          >
            <Heading
              id={`cw-config-${lang}`}
              ref={index === 0 ? headingRef : undefined}
              tabIndex={-1}
              className="cw-embed-config__title"
            >
              {m.title}
            </Heading>
            <p>{m.body}</p>
            <Details className="cw-embed-config__details">{m.detailsHeading}</Details>
            <ul>
              {problems.map((problem) => (
                <li key={`${problem.code}-${problem.param}`}>{m.problems[problem.code]}</li>
              ))}
            </ul>
          </section>
        );
      })}
    </main>
  );
}
