import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Pure logic and wire tests run in Node; component tests (*.test.tsx) run in jsdom.
export default defineConfig({
  plugins: [react()],
  test: {
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['src/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['src/testing/setup-dom.ts'],
        },
      },
    ],
  },
});
