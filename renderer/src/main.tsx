import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App';
import { DisplayProvider } from './display';

// CSP forbids eval: stop zod from probing `new Function` (it would log a CSP violation).
z.config({ jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');

createRoot(root).render(
  <StrictMode>
    <DisplayProvider>
      <App />
    </DisplayProvider>
  </StrictMode>,
);
