import type { MethodName, OutputOf, ParsedInputOf } from '../../preload/contract/index.ts';
import type { AppRuntime } from '../bootstrap.ts';

export type Handler<K extends MethodName> = (input: ParsedInputOf<K>, rt: AppRuntime) => OutputOf<K> | Promise<OutputOf<K>>;

/** One handler per contract method: a missing or mistyped handler fails the type check. */
export type ApiHandlers = { [K in MethodName]: Handler<K> };

/** A module's share of the handler map. */
export type HandlersFor<K extends MethodName> = { [P in K]: Handler<P> };
