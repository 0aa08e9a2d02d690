import { Outlet, useMatch } from 'react-router';
import { ChatListPane } from './ChatListPane';

/**
 * /messages: the conversations beside the open one on wide screens; on a phone one pane at
 * a time (the list at /messages, the conversation at /messages/:id with a way back).
 */
export function MessagesLayout() {
  const match = useMatch('/messages/:id');
  const activeId = match?.params.id;
  return (
    <div className={activeId ? 'messages-layout messages-layout-open' : 'messages-layout'}>
      <ChatListPane activeId={activeId} />
      <div className="chat-pane">
        <Outlet />
      </div>
    </div>
  );
}
