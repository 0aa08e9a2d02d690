import { Route } from 'react-router';
import { IntroductionsPage } from '../introductions/IntroductionsPage';
import { KeepInTouchPage } from './KeepInTouchPage';
import { MyNetworkPage } from './MyNetworkPage';
import { NetworkLayout } from './NetworkLayout';
import { PeopleToMeetPage } from './PeopleToMeetPage';

/**
 * `/network` and its sections, for App.tsx. The introductions feature adds its page
 * (`/network/introductions`) here, inside the same layout.
 */
export function networkRoutes() {
  return (
    <Route path="/network" element={<NetworkLayout />}>
      <Route index element={<MyNetworkPage />} />
      <Route path="keep-in-touch" element={<KeepInTouchPage />} />
      <Route path="introductions" element={<IntroductionsPage />} />
      <Route path="people-to-meet" element={<PeopleToMeetPage />} />
    </Route>
  );
}
