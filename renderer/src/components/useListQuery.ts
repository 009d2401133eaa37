import { useEffect, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { call, errorMessage } from '../api';

/**
 * A list page's query: calls `channel` with `input` whenever the input changes (compared by value)
 * or `refresh` changes identity (e.g. the applied filter object, so applying the same filter again
 * reloads). An answer to a superseded request, or one arriving after the page closed, is dropped;
 * `data` keeps the last answer while the next one loads; `error` is the Polish message of the last
 * failure (cleared by the next success).
 */
export function useListQuery<C extends Channel>(channel: C, input: ChannelInput<C>, refresh?: unknown) {
  const [data, setData] = useState<ChannelOutput<C> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(input);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    call(channel, JSON.parse(key) as ChannelInput<C>)
      .then((res) => {
        if (cancelled) return;
        setData(res);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(errorMessage(e));
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [channel, key, refresh]);

  return { data, loading, error };
}
