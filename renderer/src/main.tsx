import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return <main>BLGI001</main>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
