import { queryOptions } from '@tanstack/react-query';
import type { ChannelInput, ChannelView, DeliveriesQuery, DeliveryView } from '@app/contracts';
import { apiRequest, withQuery } from './api-client';

const NOTIFICATIONS_ROOT = 'notifications';

export const fetchChannels = (signal?: AbortSignal) => apiRequest<ChannelView[]>('/notifications/channels', { signal });

export const addChannel = (input: ChannelInput) => apiRequest<ChannelView>('/notifications/channels', { method: 'POST', body: input });

export const deleteChannel = (id: number) => apiRequest<{ id: number; deleted: true }>(`/notifications/channels/${id}`, { method: 'DELETE' });

/** Queued on the server and sent in the background; the delivery log shows the outcome. */
export const sendTestMessage = (id: number) => apiRequest<{ deliveryId: number; queued: true }>(`/notifications/channels/${id}/test`, { method: 'POST' });

export const fetchDeliveries = (query: Partial<DeliveriesQuery>, signal?: AbortSignal) =>
  apiRequest<DeliveryView[]>(withQuery('/notifications/deliveries', { status: query.status, limit: query.limit }), { signal });

export const channelsQuery = queryOptions({ queryKey: [NOTIFICATIONS_ROOT, 'channels'] as const, queryFn: ({ signal }) => fetchChannels(signal) });

export const deliveriesQuery = (status?: DeliveriesQuery['status']) =>
  queryOptions({
    queryKey: [NOTIFICATIONS_ROOT, 'deliveries', status ?? null] as const,
    queryFn: ({ signal }) => fetchDeliveries({ status, limit: 200 }, signal),
    // Sending happens in the background: keep the log moving while the page is open.
    refetchInterval: 5_000,
  });

export const NOTIFICATIONS_QUERY_ROOT = [NOTIFICATIONS_ROOT] as const;
