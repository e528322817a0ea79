/** The pt notice texts (see templates-i18n.ts for the laws and terms they follow). */
import type { Pack } from './pack.js';

export const pt: Pack = {
  title: 'Comunicação de uma violação de dados pessoais',
  subject: 'Comunicação de uma violação dos seus dados pessoais – {{organisationName}}',
  greeting: 'Caro(a) {{recipient.name}},\n\nPela presente comunicação, datada de {{noticeDate}}, informamos que ocorreu uma violação dos seus dados pessoais.',
  happened: ['O que aconteceu', ' A violação ocorreu em {{breachDate}} ou por volta dessa data e tomámos conhecimento dela em {{discoveryDate}}.'],
  information: ['Que dados seus foram afetados', 'Os dados afetados são: '],
  consequences: 'Consequências prováveis',
  measures: 'As medidas que adotámos e iremos adotar',
  canDo: 'O que pode fazer',
  contact: ['Contacto', 'Nome e contactos do encarregado da proteção de dados ou de outro ponto de contacto: {{dpoContact}}. Em caso de dúvidas, contacte {{organisationName}} através do {{contactPhone}} ou de {{contactEmail}}.'],
  reg: {
    title: 'Notificação de uma violação de dados pessoais',
    subject: 'Notificação de uma violação de dados pessoais – {{organisationName}}',
    cover: 'À autoridade de controlo:\n\n{{organisationName}} notifica pela presente, em {{noticeDate}}, uma violação de dados pessoais. Seguem-se os dados estruturados; completaremos esta notificação à medida que a investigação avançar.',
    nature: 'Natureza da violação',
    categories: 'Categorias de dados',
    consequences: 'Consequências prováveis',
    measures: 'Medidas adotadas ou propostas',
    contact: ['Ponto de contacto', 'Encarregado da proteção de dados: {{dpoContact}}. Em caso de dúvidas, contacte {{organisationName}} através do {{contactPhone}} ou de {{contactEmail}}.'],
    delay: 'Motivos do atraso',
  },
  labels: {
    person_name: 'nome',
    email: 'endereço de correio eletrónico',
    phone: 'número de telefone',
    postal_address: 'morada',
    date_of_birth: 'data de nascimento',
    national_id: 'número de identificação civil',
    passport_number: 'número de passaporte',
    tax_id: 'número de identificação fiscal',
    payment_card: 'número do cartão de pagamento',
    card_security_code: 'código de segurança do cartão',
    bank_account: 'número de conta bancária',
    iban: 'IBAN',
    username: 'nome de utilizador',
    password: 'palavra-passe',
    password_hash: 'palavra-passe (em hash)',
    health: 'dados de saúde',
  },
  password: /palavra-passe|senha/i,
};

/** LGPD Art. 48 and ANPD Res. 15/2024 Art. 9 terms: "incidente de segurança", "titular", "encarregado". */
export const ptBR: Pack = {
  ...pt,
  title: 'Comunicação de incidente de segurança com dados pessoais',
  subject: 'Comunicação de incidente de segurança com seus dados pessoais – {{organisationName}}',
  greeting: 'Prezado(a) {{recipient.name}},\n\nPor meio desta comunicação, datada de {{noticeDate}}, informamos que ocorreu um incidente de segurança envolvendo seus dados pessoais.',
  happened: ['O que aconteceu', ' O incidente ocorreu em {{breachDate}} ou por volta dessa data, e tomamos conhecimento dele em {{discoveryDate}}.'],
  information: ['Natureza e categoria dos dados afetados', 'Os dados afetados são: '],
  consequences: 'Riscos e possíveis impactos',
  measures: 'Medidas adotadas e a serem adotadas',
  canDo: 'O que você pode fazer',
  contact: ['Contato', 'Encarregado pelo tratamento de dados pessoais (DPO) e contato para informações: {{dpoContact}}. Em caso de dúvidas, entre em contato com {{organisationName}} pelo {{contactPhone}} ou por {{contactEmail}}.'],
  reg: {
    ...pt.reg,
    title: 'Comunicação de incidente de segurança à ANPD',
    subject: 'Comunicação de incidente de segurança – {{organisationName}}',
    cover: 'À Autoridade Nacional de Proteção de Dados:\n\n{{organisationName}} comunica, em {{noticeDate}}, a ocorrência de um incidente de segurança com dados pessoais. Seguem os dados estruturados; complementaremos esta comunicação conforme a apuração avançar.',
    contact: ['Contato', 'Encarregado: {{dpoContact}}. Em caso de dúvidas, entre em contato com {{organisationName}} pelo {{contactPhone}} ou por {{contactEmail}}.'],
    // LGPD Art. 48 §1 IV; Res. CD/ANPD 15/2024 Art. 6 §2: "os motivos da demora".
    delay: 'Motivos da demora',
  },
  labels: { ...pt.labels, email: 'endereço de e-mail', postal_address: 'endereço', national_id: 'número de CPF ou RG', username: 'nome de usuário', password: 'senha', password_hash: 'senha (em hash)' },
};
