import type { OpName, ParsedArgsOf, ResultOf } from '../../shared/api.js';

export type Handler<K extends OpName> = (args: ParsedArgsOf<K>) => ResultOf<K> | Promise<ResultOf<K>>;
/** A group of handlers for some operations; handlers.ts checks that the groups cover every operation. */
export type HandlerGroup<K extends OpName> = { [P in K]: Handler<P> };
export type Handlers = HandlerGroup<OpName>;
