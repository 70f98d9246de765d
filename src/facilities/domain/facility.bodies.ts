/** What each facility action is sent; the request DTOs implement these. */
export interface NoteBody {
  reason?: string;
}

export interface ReasonBody {
  reason: string;
}

export interface RemediationBody extends ReasonBody {
  deadline?: string;
}

export interface TransitionPlanBody extends NoteBody {
  targetService: string;
  targetDate: string;
}

export interface FacilityBodies {
  submitApplication: NoteBody;
  authorize: NoteBody;
  reject: ReasonBody;
  requireRemediation: RemediationBody;
  clearRemediation: NoteBody;
  suspend: ReasonBody;
  reinstate: NoteBody;
  beginTransition: TransitionPlanBody;
  completeTransition: NoteBody;
  close: ReasonBody;
}
