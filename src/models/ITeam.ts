import { IShownPhoto, SyncVerdict } from './IPhotoSyncResult';
import { ISharePointPictureState } from './INextStep';

/** Whom the team overview checks. */
export type TeamScope = 'members' | 'owners-and-members';

/** One person on the site, as the roster knows them. */
export interface ITeamMember {
  /** Entra ID object id, when the roster came from Graph; Graph is then asked by id, else by user principal name. */
  id?: string;
  displayName: string;
  /** Work email, when the directory has one. */
  mail?: string;
  userPrincipalName: string;
  /** SharePoint's claims account name, `i:0#.f|membership|<upn>`. */
  accountName: string;
  /** A guest (`userType` Guest, or `#ext#` in the principal name). */
  guest: boolean;
}

/** The people checked: at most the cap, in the roster's order, and how many more there were. */
export interface ITeamRoster {
  members: ITeamMember[];
  /** People on the site beyond the cap, not checked. */
  notChecked: number;
}

/** One person's outcome: the same verdicts as the personal part. */
export interface ITeamPersonResult {
  member: ITeamMember;
  verdict: SyncVerdict;
  exchangePhoto?: IShownPhoto;
  sharePointPhoto?: IShownPhoto;
  /** `SPS-PictureTimestamp`, when SharePoint knows it. */
  sharePointUpdated?: Date;
  /** Remembered from an earlier visit: the metadata had not changed, so no image was read. */
  fromCache?: boolean;
  /** SharePoint's picture as the person's profile describes it (its Exchange sync state among it). */
  sharePointPicture?: ISharePointPictureState;
  /** Read from the tenant audit's list, not checked here: no photo was read, so there are none to show. */
  audited?: boolean;
}

/** The claims account name SharePoint uses for a member of the organisation. */
export function claimsAccountName(userPrincipalName: string): string {
  return `i:0#.f|membership|${userPrincipalName.toLowerCase()}`;
}
