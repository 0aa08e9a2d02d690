import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';

export function mediaRoutes(_app: App, _ctx: AppContext): void {}
