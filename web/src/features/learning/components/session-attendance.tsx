import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import type { StudentAttendance } from '@/lib/api-types';
import { useSessionAttendance } from '../api/get-session-attendance';

function verdictOf(student: StudentAttendance): 'catchUp' | 'missed' | 'leftEarly' | 'attended' {
  if (student.needsToCatchUp) return 'catchUp';
  if (student.missed) return 'missed';
  if (student.leftEarly) return 'leftEarly';
  return 'attended';
}

/**
 * For the session's teacher and the admins: each student's minutes in the live class and share of its recordings
 * watched since, those who need to catch up first (the API orders them).
 */
export function SessionAttendance({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const attendance = useSessionAttendance(sessionId);
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('attendance.heading')}</h2>
      {attendance.isPending ? (
        <Loading />
      ) : attendance.isError ? (
        <QueryError error={attendance.error} onRetry={() => void attendance.refetch()} />
      ) : attendance.data.classStartedAt === null ? (
        <p className="empty">{t('attendance.empty')}</p>
      ) : (
        <>
          <p>{t('attendance.classLength', { minutes: number.format(attendance.data.classMinutes) })}</p>
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a focusable region lets keyboard users scroll the table on a phone */}
          <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
            <table className="table" data-testid="attendance">
              <thead>
                <tr>
                  <th scope="col">{t('attendance.student')}</th>
                  <th scope="col">{t('attendance.minutes')}</th>
                  <th scope="col">{t('attendance.watched')}</th>
                  <th scope="col">{t('attendance.verdict')}</th>
                </tr>
              </thead>
              <tbody>
                {attendance.data.students.map((student) => {
                  const verdict = verdictOf(student);
                  return (
                    <tr key={student.userId} data-verdict={verdict}>
                      <th scope="row">
                        <bdi>{student.name}</bdi>
                      </th>
                      <td>{number.format(student.attendedMinutes)}</td>
                      <td>{percent.format(student.watchedCoverage)}</td>
                      <td>
                        <span className={`badge badge--${verdict === 'catchUp' ? 'processing' : 'completed'}`}>{t(`attendance.${verdict}`)}</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
