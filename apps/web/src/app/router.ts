import { createBrowserRouter } from 'react-router';
import { setUnauthorizedHandler } from '../api/api-client';
import { queryClient } from './query-client';
import { LOGIN_PATH, loginHref, type LoginLocationState } from './route-loaders';
import { routes } from './routes';

export const router = createBrowserRouter(routes);

export type { LoginLocationState } from './route-loaders';

/** Any 401 from the API: drop everything cached for this user and go to the login page. */
setUnauthorizedHandler(() => {
  const { location, navigation } = router.state;
  if (location.pathname === LOGIN_PATH || navigation.location?.pathname === LOGIN_PATH) return;
  void queryClient.cancelQueries();
  queryClient.clear();
  const state: LoginLocationState = { expired: true };
  void router.navigate(loginHref(location), { replace: true, state });
});
