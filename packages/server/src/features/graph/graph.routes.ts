import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';

export function graphRoutes(_app: App, _ctx: AppContext): void {}
