/**
 * Password rules for provider accounts, after NIST SP 800-63B: a minimum
 * length and a list of passwords that attackers try first, no composition
 * rules. The maximum keeps argon2 hashing cheap for absurd inputs.
 */

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * The most used passwords in breach lists, plus Dutch favourites (words,
 * football clubs, cities). Entries shorter than the minimum length can never
 * pass anyway; they stay so the list reads as what people actually choose.
 * Compared case-insensitively: `Wachtwoord123` is as guessable as `wachtwoord123`.
 */
const COMMON_PASSWORDS = new Set([
  // International top lists
  "123456", "123456789", "12345678", "1234567890", "12345678910", "123456789a", "123456789q",
  "1234567891", "0123456789", "0987654321", "9876543210", "1122334455", "1234512345", "1111111111",
  "0000000000", "2222222222", "5555555555", "7777777777", "9999999999", "1212121212", "1231231234",
  "123123123123", "112233445566", "123456123456", "147258369", "1qaz2wsx3edc", "1q2w3e4r5t",
  "1q2w3e4r5t6y", "q1w2e3r4t5", "q1w2e3r4t5y6", "qwerty", "qwerty123", "qwerty1234", "qwerty12345",
  "qwerty123456", "qwertyuiop", "qwertyuiop123", "qwertzuiop", "asdfghjkl", "asdfghjkl123",
  "asdfasdfasdf", "zxcvbnm123", "zxcvbnmasdf", "azertyuiop", "password", "password1", "password12",
  "password123", "password1234", "password12345", "passw0rd123", "p@ssw0rd123", "p@ssword123",
  "mypassword", "mypassword1", "mypassword123", "passwordpassword", "iloveyou", "iloveyou123",
  "iloveyou12", "abcdefghij", "abcdefghijk", "abcd123456", "abc1234567", "abcdefg123", "abc123abc123",
  "1234567abc", "a1b2c3d4e5", "a123456789", "aa12345678", "aaaaaaaaaa", "letmein123", "letmeinplease",
  "welcome123", "welcome1234", "welcome2024", "welcome2025", "welcome01", "admin12345", "administrator",
  "adminadmin", "changeme123", "trustno1234", "football123", "football1", "baseball123", "basketball",
  "basketball1", "superman123", "batman12345", "starwars123", "pokemon123", "princess123",
  "sunshine123", "chocolate1", "butterfly1", "monkey12345", "dragon12345", "michael123", "jennifer123",
  "liverpool1", "liverpool123", "chelsea123", "arsenal123", "manchester1", "computer123",
  "internet123", "whatever123", "trustno1", "1qazxsw2", "zaq12wsx", "zaq1zaq1zaq1", "qazwsxedc",
  "qazwsxedc123", "googlegoogle", "facebook123", "linkedin123",
  // Dutch
  "wachtwoord", "wachtwoord1", "wachtwoord12", "wachtwoord123", "wachtwoord1234", "wachtwoord!",
  "wachtwoord01", "mijnwachtwoord", "nieuwwachtwoord", "geheimwachtwoord", "wachtwoordje",
  "welkom", "welkom01", "welkom123", "welkom1234", "welkom12345", "welkom2024", "welkom2025",
  "welkomwelkom", "welkom01!", "hallo12345", "hallo123456", "hallohallo", "hallodaar", "geheim123",
  "geheim12345", "geheimpje", "geheimgeheim", "voetbal", "voetbal123", "voetbal1234", "voetballen",
  "voetballen1", "ajax123456", "ajaxajax", "ajaxamsterdam", "ajax010203", "feyenoord", "feyenoord1",
  "feyenoord010", "feyenoord123", "psveindhoven", "psv1913psv", "fcutrecht1", "fctwente123",
  "amsterdam", "amsterdam1", "amsterdam123", "rotterdam", "rotterdam1", "rotterdam010", "rotterdam123",
  "utrecht123", "eindhoven1", "groningen1", "nederland", "nederland1", "nederland123", "holland123",
  "hollandholland", "oranje1234", "oranjeboven", "hupholland", "zomer12345", "winter12345",
  "lente12345", "herfst12345", "zonneschijn", "vakantie123", "prinses123", "schatje123", "liefje123",
  "ikhouvanjou", "ikhouvanjou1", "snoepje123", "konijntje", "poesje12345", "hondje12345",
  "lieveheersbeestje", "bloemetjes", "computer12", "dienstverlener", "vivium123", "viviumservices",
  "kapper12345", "pedicure123", "maandag123", "zaterdag123", "appeltaart", "stroopwafel",
  "kaaskop123", "fietsen123", "gezondheid", "familie123", "kinderen123", "kleinkinderen",
  "oma1234567", "opa1234567", "mamapapa123", "abcdefgh12", "qwerty2024", "qwerty2025",
]);

const tooCommon =
  "Dit wachtwoord wordt veel gebruikt en is daardoor makkelijk te raden. Kies een ander wachtwoord.";

/** Null when the password is acceptable, otherwise what to tell the provider. */
export function checkPassword(password: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return `Kies een wachtwoord van minstens ${MIN_PASSWORD_LENGTH} tekens.`;
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return `Uw wachtwoord mag hoogstens ${MAX_PASSWORD_LENGTH} tekens lang zijn.`;
  }
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return tooCommon;
  // `aaaaaaaaaa` or `!!!!!!!!!!` passes the length rule but is guessed at once.
  if (new Set(password).size === 1) return tooCommon;
  return null;
}
