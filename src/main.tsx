import { bootstrap } from './app/bootstrap';

const container = document.getElementById('root');
if (container) {
  bootstrap(container).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    container.textContent = `Bellwether could not start: ${message}. Reload the page; if it persists, check the browser console.`;
  });
}
