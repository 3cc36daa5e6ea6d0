import { createRoot } from 'react-dom/client';

/** The baseline page for the screens benchmark: React and one interactive control, built like the renderer. */
createRoot(document.getElementById('root')!).render(<button type="button">ready</button>);
