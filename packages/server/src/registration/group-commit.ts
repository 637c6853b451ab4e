/**
 * Group commit: requests for the same key (an edition) that arrive while a batch of them is being
 * written wait and go together into the next batch, one transaction for all of them.
 *
 * Why: every seat decision must hold the edition's row lock, so registrations for one edition
 * are serial by nature. One transaction per request makes 1,000 people who click "register" at
 * the same second wait for 1,000 transactions in a row; one transaction per batch makes them wait
 * for a handful. Under light load a batch is a single request and nothing is delayed.
 *
 * `processBatch` returns one outcome per item, in order: a result, or an Error for that item
 * alone. When it throws, the whole transaction failed; each item is then tried again alone, so
 * one bad item cannot fail the others.
 */
export function createGroupCommit<Item, Result>(processBatch: (key: string, items: Item[]) => Promise<Array<Result | Error>>, maxBatch = 500) {
  interface Waiting {
    item: Item;
    resolve(result: Result): void;
    reject(error: unknown): void;
  }
  const queues = new Map<string, Waiting[]>();
  const draining = new Set<string>();

  async function settle(key: string, batch: Waiting[]): Promise<void> {
    let outcomes: Array<Result | Error>;
    try {
      outcomes = await processBatch(
        key,
        batch.map((w) => w.item),
      );
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      for (const waiting of batch) await settle(key, [waiting]);
      return;
    }
    batch.forEach((waiting, index) => {
      const outcome = outcomes[index];
      if (outcome instanceof Error) waiting.reject(outcome);
      else if (outcome === undefined) waiting.reject(new Error('batch returned no outcome for an item'));
      else waiting.resolve(outcome);
    });
  }

  async function drain(key: string): Promise<void> {
    draining.add(key);
    try {
      for (let queue = queues.get(key); queue && queue.length > 0; queue = queues.get(key)) {
        // One turn of the event loop lets requests already received reach the queue: a database
        // that answers without yielding (PGlite runs in this thread) would otherwise see batches of one.
        await new Promise((resolve) => setImmediate(resolve));
        await settle(key, queue.splice(0, maxBatch));
      }
    } finally {
      queues.delete(key);
      draining.delete(key);
    }
  }

  return {
    submit(key: string, item: Item): Promise<Result> {
      return new Promise<Result>((resolve, reject) => {
        const queue = queues.get(key) ?? [];
        queue.push({ item, resolve, reject });
        queues.set(key, queue);
        if (!draining.has(key)) void drain(key);
      });
    },
  };
}
