export interface EndUserRecord {
  id: string;
  orgId: string;
  username: string;
  email: string | null;
  createdAt: number;
  updatedAt: number;
}
