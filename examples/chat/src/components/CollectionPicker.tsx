import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { CollectionsQuery, CreateCollectionMutation } from '../operations.js';
import { ErrorNote } from './ErrorNote.js';

/** Picks the collection to ask about, or creates one (the form opens when there is none). */
export function CollectionPicker(props: {
  collectionId: string | null;
  onPick(collectionId: string | null): void;
}) {
  const { data, error, refetch } = useQuery(CollectionsQuery);
  const [create, created] = useMutation(CreateCollectionMutation);
  const [name, setName] = useState('');
  const collections = data?.collections.edges.map((edge) => edge.node) ?? [];
  const { collectionId, onPick } = props;

  // Keep a valid choice: the one in the URL if it exists, else the newest collection.
  useEffect(() => {
    if (!data) return;
    const ids = data.collections.edges.map((edge) => edge.node.id);
    if (collectionId === null || !ids.includes(collectionId)) onPick(ids[0] ?? null);
  }, [data, collectionId, onPick]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create({ variables: { name } }).catch(() => null);
    const id = result?.data?.createCollection.id;
    if (!id) return;
    setName('');
    await refetch();
    onPick(id);
  }

  return (
    <section aria-labelledby="collection-heading">
      <h2 id="collection-heading">Collection</h2>
      <ErrorNote error={error} />
      {collections.length > 0 && (
        <label>
          Ask about
          <select value={collectionId ?? ''} onChange={(e) => onPick(e.target.value)}>
            {collections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.documentCount} documents)
              </option>
            ))}
          </select>
        </label>
      )}
      <form onSubmit={submit} className="inline">
        <label>
          {collections.length === 0 && data ? 'No collection yet: name one' : 'New collection'}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </label>
        <button type="submit" disabled={created.loading}>
          Create
        </button>
      </form>
      <ErrorNote error={created.error} />
    </section>
  );
}
