import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { SessionContext } from './app-context';
import { loadConfig } from './config';
import { I18nProvider, initialLang, translate } from './i18n';
import { Session } from './session';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);

loadConfig().then(
  (config) => {
    const session = new Session(config);
    root.render(
      <StrictMode>
        <I18nProvider>
          <SessionContext.Provider value={session}>
            <App />
          </SessionContext.Provider>
        </I18nProvider>
      </StrictMode>,
    );
  },
  (error: unknown) => {
    root.render(<p role="alert">{translate(initialLang(), 'error.start', { detail: String(error) })}</p>);
  },
);
