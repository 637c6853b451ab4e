import { icebreakerForRound } from '@tablehop/protocol';
import { useI18n } from '../../lib/i18n-context';
import './live-extras.css';

/**
 * The icebreaker prompt of the round. Participants see it read-only when the organizer set one;
 * moderators always see the card (with a fallback suggestion), since running it is their job.
 */
export function IcebreakerCard({
  prompts,
  round,
  forModerator = false,
}: {
  prompts: readonly string[] | undefined;
  round: number;
  forModerator?: boolean;
}) {
  const { t } = useI18n();
  const prompt = icebreakerForRound(prompts, round);
  if (!prompt && !forModerator) return null;
  return (
    <section className="card icebreaker" aria-labelledby="icebreaker-title">
      <h2 id="icebreaker-title" className="card-title">
        {forModerator ? t.icebreakerTitle : t.icebreakerParticipantTitle}
      </h2>
      {forModerator && round > 0 && <p className="muted small">{t.icebreakerForRound(round)}</p>}
      <p className="icebreaker-prompt">{prompt ?? t.icebreakerNone}</p>
    </section>
  );
}
