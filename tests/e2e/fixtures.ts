import { test as base, expect, type Page } from '@playwright/test';

/** Console errors and uncaught exceptions seen by a page; every spec asserts there were none. */
export interface PageProblems {
  messages: string[];
}

function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { messages: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.messages.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.messages.push(`uncaught: ${error.message}`));
  return problems;
}

export const test = base.extend<{ problems: PageProblems }>({
  problems: async ({ page }, use) => {
    const problems = watchProblems(page);
    await use(problems);
  },
});

export { expect };
