import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useMyNotifications } from '../api/get-my-notifications';
import { useMarkNotificationsSeen } from '../api/mark-notifications-seen';
import { useReadyNoticeStream } from '../hooks/use-ready-notice-stream';

/**
 * The header's notifications: a button with the unread count that opens the list of recordings that became ready
 * (newest first, each a link to its player). Opening the list marks what it shows as seen; Escape closes it and gives
 * focus back to the button. New notices arrive while the page is open (useReadyNoticeStream).
 */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const notifications = useMyNotifications();
  const markSeen = useMarkNotificationsSeen();
  useReadyNoticeStream();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const items = notifications.data?.items ?? [];
  const unread = notifications.data?.unreadCount ?? 0;
  const newest = items[0];

  useEffect(() => {
    if (!open) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [open]);

  return (
    <div className="notifications">
      <button
        ref={button}
        type="button"
        className="button button--secondary notifications__button"
        aria-label={unread > 0 ? `${t('notifications.title')}: ${t('notifications.unread', { count: unread })}` : undefined}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          // Opening shows the list, so what it shows is seen.
          if (!open && unread > 0 && newest) markSeen.mutate(newest.at);
          setOpen(!open);
        }}
      >
        {t('notifications.title')}
        {unread > 0 && (
          <span className="notifications__count" aria-hidden="true">
            {formatNumber(i18n.language, unread)}
          </span>
        )}
      </button>
      {open && (
        <section id={panelId} className="notifications__panel" aria-label={t('notifications.title')}>
          {items.length === 0 ? (
            <p className="notifications__empty">{t('notifications.none')}</p>
          ) : (
            <ul className="notifications__list">
              {items.map((item) => (
                <li key={`${item.recordingId}-${item.reason}-${item.at}`} className={item.unread ? 'notifications__item notifications__item--unread' : 'notifications__item'}>
                  <Link
                    to={item.reason === 'ready' ? paths.recording.getHref(item.recordingId) : paths.session.getHref(item.sessionId)}
                    onClick={() => setOpen(false)}
                  >
                    <bdi dir="auto">{item.displayName}</bdi>
                  </Link>
                  <span className="notifications__meta">
                    {item.unread && <span className="notifications__new">{t('notifications.new')}</span>}{' '}
                    {t(item.reason === 'ready' ? 'notifications.ready' : 'notifications.awaitingReview', { when: formatDateTime(i18n.language, item.at) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
