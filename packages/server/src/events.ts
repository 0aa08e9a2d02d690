import type { DomainEvent, DomainEventType } from '@rapport/schema';
import type { Logger } from 'pino';

type Handler<T extends DomainEventType> = (
  event: Extract<DomainEvent, { type: T }>,
) => void | Promise<void>;

/**
 * In-process delivery of domain events. Services emit after their transaction commits, so
 * a handler never sees something that was rolled back; a failing handler is logged and
 * does not affect the request that caused the event.
 */
export class EventBus {
  private readonly handlers = new Map<DomainEventType, Handler<DomainEventType>[]>();
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly log: Logger) {}

  on<T extends DomainEventType>(type: T, handler: Handler<T>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as unknown as Handler<DomainEventType>);
    this.handlers.set(type, list);
  }

  emit(event: DomainEvent): void {
    for (const handler of this.handlers.get(event.type) ?? []) {
      const run = Promise.resolve()
        .then(() => handler(event))
        .catch((error: unknown) => this.log.error({ err: error, event }, 'event handler failed'))
        .finally(() => this.pending.delete(run));
      this.pending.add(run);
    }
  }

  /** Resolves once every handler started so far has finished (shutdown, tests). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }
}
