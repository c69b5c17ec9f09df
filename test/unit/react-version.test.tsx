import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { expect, it } from 'vitest';

// Each project runs on the React it names: a wrong alias would silently run the React 18 project on React 19.
it('runs on the React of its project', ({ task }) => {
  const major = task.file.projectName === 'unit-react18' ? '18' : '19';
  expect(version.split('.')[0]).toBe(major);
  expect(domVersion.split('.')[0]).toBe(major);
});
