import { enumLabel, type EntityDef, type Workflow } from '@kjj/domain';
import { Alert, Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTimeline } from '../../api/workflow';
import { useLang } from '../../i18n/use-lang';
import { formatDateTime } from '../../lib/format';
import { FieldValue } from '../fields/FieldValue';
import type { RefData } from '../fields/use-ref-data';

/** 办理过程: every lifecycle step with its date, who took it, and what they entered. */
export function WorkflowTimeline({ def, id, refs }: { def: EntityDef; id: number; refs: RefData }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const workflow = def.workflow as Workflow;
  const events = useTimeline(def.plural, id);
  if (events.error) return <Alert type="error" message={events.error.message} />;
  if (!events.data) return null;
  if (events.data.length === 0) return <Empty description={t('workflow.noEvents')} />;
  return (
    <Timeline
      data-testid="workflow-timeline"
      items={events.data.map((event) => {
        const action = workflow.actions.find((a) => a.name === event.action);
        const inputs = Object.entries(event.input).filter(
          ([name, v]) => action?.input[name] && v !== null && v !== '',
        );
        return {
          key: event.id,
          children: (
            <div>
              <Typography.Text strong>{action ? pick(action.label) : event.action}</Typography.Text>{' '}
              <Tag>{enumLabel(workflow.states, event.toState, lang)}</Tag>
              <div>
                <Typography.Text type="secondary">
                  {t('workflow.by', {
                    date: event.onDate,
                    name: event.actorName ?? t('workflow.system'),
                    at: formatDateTime(event.at),
                  })}
                </Typography.Text>
              </div>
              {inputs.map(([name, value]) => (
                <div key={name}>
                  {pick(action!.input[name]!.label)}：
                  <FieldValue field={action!.input[name]!} value={value} lang={lang} refs={refs} compact />
                </div>
              ))}
            </div>
          ),
        };
      })}
    />
  );
}
