import { ApolloProvider } from '@apollo/client/react';
import { useCallback, useEffect, useState } from 'react';
import { createBallastClient, type BallastClient } from './apollo.js';
import { AskPanel } from './components/AskPanel.js';
import { CollectionPicker } from './components/CollectionPicker.js';
import { IngestPanel } from './components/IngestPanel.js';
import { SettingsForm } from './components/SettingsForm.js';
import { ThreadList } from './components/ThreadList.js';
import { loadSettings, saveSettings, type Settings } from './settings.js';
import { readParam, writeParams } from './url-state.js';

/**
 * The chat app: settings, collection, documents and conversations on the side; the
 * conversation, the streamed answer and the question box in the middle. The collection,
 * thread and run being followed live in the URL, so a reload re-joins the run.
 */
export function App() {
  const [settings, setSettings] = useState<Settings>(loadSettings);
  // Made and disposed by one effect, so that StrictMode's mount, unmount, mount leaves a live one.
  const [ballast, setBallast] = useState<BallastClient | null>(null);
  useEffect(() => {
    const created = createBallastClient(settings);
    setBallast(created);
    return () => created.dispose();
  }, [settings]);

  const [collectionId, setCollectionId] = useState(() => readParam('collection'));
  const [threadId, setThreadId] = useState(() => readParam('thread'));
  const [runId, setRunId] = useState(() => readParam('run'));

  const changeSettings = useCallback((next: Settings) => {
    saveSettings(next);
    setSettings(next);
  }, []);
  const pickCollection = useCallback(
    (id: string | null) => {
      if (id === collectionId) return;
      setCollectionId(id);
      setThreadId(null);
      setRunId(null);
      writeParams({ collection: id, thread: null, run: null });
    },
    [collectionId],
  );
  const pickThread = useCallback((id: string | null) => {
    setThreadId(id);
    setRunId(null);
    writeParams({ thread: id, run: null });
  }, []);
  const asked = useCallback((run: string, thread: string | null) => {
    setRunId(run);
    setThreadId(thread);
    writeParams({ run, thread });
  }, []);

  if (!ballast) return null;
  return (
    <ApolloProvider client={ballast.client}>
      <header>
        <h1>Ballast chat</h1>
        <SettingsForm settings={settings} onChange={changeSettings} />
      </header>
      <div className="layout">
        <aside>
          <CollectionPicker collectionId={collectionId} onPick={pickCollection} />
          {collectionId && <IngestPanel settings={settings} collectionId={collectionId} />}
          {collectionId && (
            <ThreadList collectionId={collectionId} threadId={threadId} onPick={pickThread} />
          )}
        </aside>
        {collectionId ? (
          <AskPanel collectionId={collectionId} threadId={threadId} runId={runId} onAsked={asked} />
        ) : (
          <main>
            <p>Create or pick a collection to start.</p>
          </main>
        )}
      </div>
    </ApolloProvider>
  );
}
