// What a meeting's record holds besides the meeting itself: who attended, the children reviewed and the actions
// agreed, each scoped to the meeting (and actions to the authority).
import type { DeepPartial } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import type { Tx } from '../platform/database/transaction';
import { GroupAction, GroupAttendance, GroupReview } from './meeting-record.entity';

export class MeetingRecordsRepository {
  /** The meeting's attendance list becomes exactly these lines. */
  async replaceAttendance(tx: Tx, meetingId: string, lines: QueryDeepPartialEntity<GroupAttendance>[]): Promise<void> {
    await tx.delete(GroupAttendance, { meetingId });
    if (lines.length) await tx.insert(GroupAttendance, lines);
  }

  async addAttendance(tx: Tx, line: QueryDeepPartialEntity<GroupAttendance>): Promise<void> {
    await tx.insert(GroupAttendance, line);
  }

  async changeAttendance(tx: Tx, id: string, attendance: GroupAttendance['attendance']): Promise<void> {
    await tx.update(GroupAttendance, { id }, { attendance });
  }

  reviewExists(tx: Tx, meetingId: string, childId: string): Promise<boolean> {
    return tx.existsBy(GroupReview, { meetingId, childId });
  }

  insertReview(tx: Tx, review: DeepPartial<GroupReview>): Promise<GroupReview> {
    return tx.save(GroupReview, review);
  }

  insertAction(tx: Tx, action: DeepPartial<GroupAction>): Promise<GroupAction> {
    return tx.save(GroupAction, action);
  }

  findAction(tx: Tx, authorityId: string, id: string): Promise<GroupAction | null> {
    return tx.findOneBy(GroupAction, { id, authorityId });
  }

  async completeAction(tx: Tx, id: string, at: Date, by: string | null, note: string | null): Promise<void> {
    await tx.update(GroupAction, { id }, { completedAt: at, completedBy: by, completionNote: note });
  }
}
